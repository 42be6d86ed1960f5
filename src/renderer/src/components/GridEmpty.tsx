// What an empty grid says instead of the grid library's "No Rows To Show": what is empty and what to do about it.
// Handed to AG Grid as its no-rows overlay, with the message as the overlay's parameter.

export function GridEmpty({ message }: { message: string }): React.JSX.Element {
  return (
    <span className="grid-empty" role="status">
      {message}
    </span>
  );
}

/** The props that give a grid its empty message. */
export const emptyGrid = (message: string) =>
  ({ noRowsOverlayComponent: GridEmpty, noRowsOverlayComponentParams: { message } }) as const;
