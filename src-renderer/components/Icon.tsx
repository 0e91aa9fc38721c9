/** A few line icons drawn inline: the app ships no icon font, and these stay crisp at any zoom. */
const paths = {
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  reference: 'M4 6h10v12H4zM18 9v6M15 12h6',
  copy: 'M8 8h11v12H8zM5 16V4h11',
  star: 'M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.3L12 17.5 6.4 20.4l1.1-6.3L3 9.7l6.2-.9z',
  library: 'M4 4h6v16H4zM14 4l5 1.5-3.5 14.5-5-1.5',
  sideBySide: 'M3 5h8v14H3zM13 5h8v14h-8z',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  remix: 'M4 7h11l-3-3M20 17H9l3 3',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  /** A sparkle: making something new. */
  generate:
    'M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8zM19 16l.7 1.8 1.8.7-1.8.7L19 21l-.7-1.8-1.8-.7 1.8-.7z',
  /** Bars on an axis: what was spent. */
  usage: 'M4 4v16h16M8 16v-4M12 16V8M16 16v-6',
  /** Stacked photos. */
  photos: 'M7 7h13v13H7zM4 17V4h13M7 16l4-4 3 3 2-2 4 4',
  /** A gear with six teeth: unmistakably settings, never a spinner. */
  settings:
    'M10.3 3h3.4l.5 2.6 1.8 1 2.5-.9 1.7 3-2 1.7v2.1l2 1.7-1.7 3-2.5-.9-1.8 1-.5 2.7h-3.4l-.5-2.7-1.8-1-2.5.9-1.7-3 2-1.7v-2.1l-2-1.7 1.7-3 2.5.9 1.8-1zM12 9.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6z',
  retry: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4',
  alert: 'M12 3l9 16H3zM12 10v4M12 17v.5',
  chevron: 'M7 10l5 5 5-5',
  plus: 'M12 5v14M5 12h14',
  key: 'M14 10a4 4 0 1 0-3.5 4L13 16.5V19h2.5v-2.5H18V14l-4-4M8.5 12.5v.1',
  close: 'M6 6l12 12M18 6L6 18',
  previous: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  zoomIn: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20M10.5 7.5v6M7.5 10.5h6',
  zoomOut: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20M7.5 10.5h6',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  compare: 'M12 3v18M4 6h5v12H4zM15 6h5v12h-5',
  details: 'M4 4h16v16H4zM14 4v16',
  filter: 'M4 5h16l-6 7.5V19l-4 1.5v-8z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  check: 'M5 12.5l4.5 4.5L19 7',
  view: 'M3 12s3.5-6 9-6 9 6 9 6-3.5 6-9 6-9-6-9-6zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({
  name,
  filled = false,
  size = 16,
}: {
  name: IconName;
  filled?: boolean;
  size?: number;
}) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
