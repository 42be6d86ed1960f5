// The decode's confirmation, as the run's: what reading the competitors and scoring their tags will cost, then
// Start decode (focused, so Enter in the usernames field and Enter again starts it) or Not now.
import type { DecodeEstimate } from '../../../../shared/decode-estimate';
import { Modal } from '../../shell/Dialogs';

export function DecodeConfirm(props: {
  estimate: DecodeEstimate;
  demo: boolean;
  onStart(): void;
  onClose(): void;
}): React.JSX.Element {
  const e = props.estimate;
  return (
    <Modal label="Confirm the decode" onClose={props.onClose}>
      <h2>Decode {e.competitors === 1 ? '1 competitor' : `${e.competitors} competitors`}?</h2>
      <p>
        {e.words}
        {props.demo ? ' (Demo: simulated, free.)' : ''}
      </p>
      <div className="buttons">
        <button onClick={props.onClose}>Not now</button>
        <button className="primary" autoFocus onClick={props.onStart}>
          Start decode
        </button>
      </div>
    </Modal>
  );
}
