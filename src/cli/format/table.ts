// A plain column table, as `docker ps` prints one: a header row, columns two spaces apart.

/** One cell: its text, and how to colour it once padded (padding counts only visible text). */
export type Cell = string | { text: string; paint: (text: string) => string };

/** The rows as lines, each column as wide as its widest cell; the last column is not padded. */
export function table(header: string[], rows: Cell[][], bold: (text: string) => string): string[] {
  const text = (cell: Cell) => (typeof cell === "string" ? cell : cell.text);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => text(row[column] ?? "").length)));
  const line = (cells: Cell[]) =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? text(cell) : text(cell).padEnd(widths[column] ?? 0);
        return typeof cell === "string" ? padded : cell.paint(padded);
      })
      .join("  ");
  return [bold(line(header)), ...rows.map(line)];
}
