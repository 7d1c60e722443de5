// The sidebar: the app's screens with their names; on a window narrower than 1200 px only their
// icons, each still named (aria-label, and a tooltip on hover and focus), so the pages keep the
// width they need.
import { NavLink, Tooltip } from "@mantine/core";
import { Link, useLocation } from "wouter";

import { NAV } from "./nav";

/** From this width up the sidebar shows names (Mantine's `lg`, 75em). */
export const WIDE_NAV_QUERY = "(min-width: 75em)";

export function SideNav({ wide }: { wide: boolean }) {
  const [location] = useLocation();
  return NAV.map(({ href, label, icon: Icon, match }) => {
    const here = match(location);
    const link = (
      <NavLink
        key={href}
        component={Link}
        href={href}
        label={wide ? label : undefined}
        aria-label={wide ? undefined : label}
        leftSection={<Icon size={wide ? 18 : 20} aria-hidden />}
        active={here}
        aria-current={here ? "page" : undefined}
        data-collapsed={wide ? undefined : true}
      />
    );
    return wide ? (
      link
    ) : (
      <Tooltip key={href} label={label} position="right" withArrow openDelay={200} events={{ hover: true, focus: true, touch: false }}>
        {link}
      </Tooltip>
    );
  });
}
