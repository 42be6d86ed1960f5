// The candidate hashtags and target creators views: one list grid each.
import { ListGrid } from './ListGrid';

export function CandidatesView(): React.JSX.Element {
  return (
    <ListGrid
      list="tags"
      label="Candidate hashtags"
      valueHeader="Hashtag"
      hint="Type or paste hashtags, one per line or a column, then Enter"
    />
  );
}

export function TargetsView(): React.JSX.Element {
  return (
    <ListGrid
      list="creators"
      label="Target creators"
      valueHeader="Username"
      hint="Type or paste usernames (@creator) and press Enter"
    />
  );
}
