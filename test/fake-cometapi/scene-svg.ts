/**
 * A calm gradient sky with a sun and two layered hills, different in hue and layout for every design. Shared by
 * the fake API's scene images and the seeded library, so README screenshots show pictures rather than static.
 * The scene is drawn 100 units high and as wide as the aspect ratio asks; horizontal positions stretch with the
 * width so the sun stays round.
 */
export function sceneSvg(design: number, width: number, height: number): string {
  const across = (100 * width) / height;
  const x = (position: number) => (position * across) / 100;
  const hue = (design * 47) % 360;
  const sky = `hsl(${hue}, 65%, 72%)`;
  const horizon = `hsl(${(hue + 40) % 360}, 70%, 86%)`;
  const hill = `hsl(${(hue + 180) % 360}, 35%, 38%)`;
  const far = `hsl(${(hue + 200) % 360}, 30%, 55%)`;
  const sunX = x(20 + ((design * 13) % 60));
  const sunY = 18 + ((design * 7) % 25);
  const ridge = 55 + ((design * 5) % 20);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${across} 100">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${horizon}"/></linearGradient></defs>
    <rect width="${across}" height="100" fill="url(#g)"/>
    <circle cx="${sunX}" cy="${sunY}" r="9" fill="hsl(${(hue + 20) % 360}, 90%, 92%)"/>
    <path d="M0 ${ridge} Q ${x(30)} ${ridge - 18} ${x(60)} ${ridge - 4} T ${across} ${ridge - 8} V 100 H 0 Z" fill="${far}"/>
    <path d="M0 ${ridge + 15} Q ${x(40)} ${ridge} ${x(70)} ${ridge + 12} T ${across} ${ridge + 10} V 100 H 0 Z" fill="${hill}"/>
  </svg>`;
}
