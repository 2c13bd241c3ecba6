import type { JSX } from 'preact';

/** Stroke icons on a 24-unit grid, drawn here so the dashboard needs no icon font or library. */
const PATHS = {
  overview: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  devices: 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8 21h8M12 17v4',
  network: 'M12 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM5 17a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM19 17a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM12 7v5M12 12l-6 5.3M12 12l6 5.3',
  findings: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM12 8v5M12 16.5v.5',
  licences: 'M8 11a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM10.9 12.1L20 3M16.5 6.5l3 3M14 9l2 2',
  register: 'M7 4H6a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-1M9 3h6v3H9zM9 11h6M9 15h6',
  reports: 'M6 3h9l4 4v14H6zM15 3v4h4M9.5 17v-3M12.5 17v-6M15.5 17v-4',
  alerts: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 20.5a2 2 0 0 0 4 0',
  settings: 'M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1M15 4v4M9 10v4M17 16v4',
  search: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zM16 16l5 5',
  online: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM8 12.5l2.5 2.5L16 9.5',
  offline: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM8 12h8',
  warning: 'M12 4l9 16H3zM12 10v4M12 17v.5',
  help: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17v.5',
  info: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 11v6M12 7.5v.5',
  live: 'M5 12a7 7 0 0 1 14 0M8.5 12a3.5 3.5 0 0 1 7 0M12 12v.5',
  'arrow-up': 'M12 19V5M6 11l6-6 6 6',
  'arrow-down': 'M12 5v14M6 13l6 6 6-6',
  'sort-none': 'M8 10l4-4 4 4M8 14l4 4 4-4',
  'chevron-left': 'M15 6l-6 6 6 6',
  'chevron-right': 'M9 6l6 6-6 6',
  'chevrons-left': 'M12 6l-6 6 6 6M18 6l-6 6 6 6',
  'chevrons-right': 'M6 6l6 6-6 6M12 6l6 6-6 6',
  'log-out': 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  agent: 'M7 7h10v10H7zM10 3v4M14 3v4M10 17v4M14 17v4M3 10h4M3 14h4M17 10h4M17 14h4',
  snmp: 'M3 14h18v6H3zM7 17h.5M11 17h.5M12 14v-4M8.5 7.5a5 5 0 0 1 7 0M6 5a8.5 8.5 0 0 1 12 0',
  refresh: 'M20 11a8 8 0 0 0-14.5-4.5L4 8M4 4v4h4M4 13a8 8 0 0 0 14.5 4.5L20 16M20 20v-4h-4',
  back: 'M19 12H5M11 6l-6 6 6 6',
  clock: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 7v5l3 2',
  software: 'M4 5h16v14H4zM4 9h16M7 7h.5M9.5 7h.5M8 13l2 2-2 2M12 17h4',
} as const;

export type IconName = keyof typeof PATHS;

interface IconProps extends Omit<JSX.SVGAttributes<SVGSVGElement>, 'icon'> {
  name: IconName;
  size?: number;
  /** Icons are decorative unless given a label; the text beside them carries the meaning. */
  label?: string;
}

export function Icon({ name, size = 18, label, class: className, ...rest }: IconProps) {
  return (
    <svg
      class={`icon${className ? ` ${String(className)}` : ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width={1.8}
      stroke-linecap="round"
      stroke-linejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
