// The candidate hashtags and target creators views: one list grid each, told apart only by their words.
import { ListGrid } from './ListGrid';

const CANDIDATES = {
  list: 'tags',
  label: 'Candidate hashtags',
  valueHeader: 'Hashtag',
  hint: 'Type or paste hashtags, one per line or a column, then Enter',
} as const;

const TARGETS = {
  list: 'creators',
  label: 'Target creators',
  valueHeader: 'Username',
  hint: 'Type or paste usernames (@creator) and press Enter',
} as const;

export const CandidatesView = (): React.JSX.Element => <ListGrid {...CANDIDATES} />;
export const TargetsView = (): React.JSX.Element => <ListGrid {...TARGETS} />;
