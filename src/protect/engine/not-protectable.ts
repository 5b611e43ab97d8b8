/**
 * No pattern of hidden cells protects `cell`. `from`: the always-published cells its value
 * follows from exactly, when that is the reason (else empty). The fields let the caller name
 * the cells in the reader's words; the message keeps the engine's ids.
 */
export class NotProtectableError extends Error {
  override name = "NotProtectableError";
  constructor(
    readonly cell: string,
    readonly from: string[],
    readonly reason: string,
  ) {
    super(`Cel ${cell} kan niet beschermd worden: ${reason}`);
  }
}
