import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The app is served from Tauri's custom protocol in production and from this dev server
// (port 5173, see tauri.conf.json devUrl) during development. Nothing is fetched at run time.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: "127.0.0.1" },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    restoreMocks: true,
  },
});
