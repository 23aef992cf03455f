// ANSI colours, or none: every function is the identity when colour is off.

/** The colours the command uses. */
export interface Palette {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  /** A process status in the colour of its kind. */
  status(status: string): string;
  /** The escape code that starts `cyan`, for libraries that take one (asciichart); undefined when off. */
  chartColour: string | undefined;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

/** The palette: ANSI colours when `enabled`, plain text otherwise. */
export function palette(enabled: boolean): Palette {
  const paint = (open: number, close: number) => (enabled ? sgr(open, close) : plain);
  const [red, green, yellow, dim] = [paint(31, 39), paint(32, 39), paint(33, 39), paint(2, 22)];
  const byStatus: Record<string, (text: string) => string> = {
    running: green,
    starting: yellow,
    draining: yellow,
    stopping: yellow,
    stopped: dim,
    failed: red,
  };
  return {
    enabled,
    bold: paint(1, 22),
    dim,
    red,
    green,
    yellow,
    cyan: paint(36, 39),
    status: (status) => (byStatus[status] ?? plain)(status),
    chartColour: enabled ? "\x1b[36m" : undefined,
  };
}
