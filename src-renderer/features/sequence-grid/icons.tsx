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
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
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
