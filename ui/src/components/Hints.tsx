// One tooltip for the whole app. Any element with `data-hint="…"` shows its hint: on hover
// after a short pause, and at once on keyboard focus. A long page of icon buttons (a report's
// 1:1s have hundreds) costs one tooltip, not one each: a Mantine Tooltip per button was half
// the time of opening the 1:1s tab.
import { Tooltip } from "@mantine/core";
import { useEffect, useRef, useState } from "react";

/** How long the pointer rests on an element before its hint shows. */
export const HINT_DELAY_MS = 300;

type Shown = { target: HTMLElement; label: string };

function hinted(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>("[data-hint]") : null;
}

export function Hints() {
  const [shown, setShown] = useState<Shown | null>(null);
  const current = useRef<HTMLElement | null>(null);
  useEffect(() => {
    let timer = 0;
    // Focus that follows a click is not keyboard focus: no hint for it.
    let byPointer = false;
    const hide = () => {
      window.clearTimeout(timer);
      current.current = null;
      setShown(null);
    };
    const show = (target: HTMLElement, delay: number) => {
      if (current.current === target) return;
      window.clearTimeout(timer);
      current.current = target;
      setShown(null);
      timer = window.setTimeout(() => {
        const label = target.dataset.hint;
        if (label && target.isConnected) setShown({ target, label });
      }, delay);
    };
    const over = (e: PointerEvent) => {
      const target = hinted(e.target);
      if (target && e.pointerType !== "touch") show(target, HINT_DELAY_MS);
    };
    const out = (e: PointerEvent) => {
      if (current.current && hinted(e.relatedTarget) !== current.current) hide();
    };
    const focus = (e: FocusEvent) => {
      const target = hinted(e.target);
      if (current.current && target !== current.current) hide();
      if (target && !byPointer) show(target, 0);
    };
    const down = () => {
      byPointer = true;
      hide();
    };
    const key = (e: KeyboardEvent) => {
      byPointer = false;
      if (e.key === "Escape") hide();
    };
    const listeners: [string, EventListener][] = [
      ["pointerover", over as EventListener],
      ["pointerout", out as EventListener],
      ["pointerdown", down],
      ["focusin", focus as EventListener],
      ["focusout", hide],
      ["keydown", key as EventListener],
      ["scroll", hide],
    ];
    for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
    return () => {
      window.clearTimeout(timer);
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
    };
  }, []);
  if (!shown) return null;
  return <Tooltip target={shown.target} label={shown.label} opened data-testid="hint" />;
}
