import { ConfirmButton } from './ConfirmButton.tsx';

interface DeleteButtonProps {
  /** The name of what goes, in bold in the dialog so there is no doubt which one it is. */
  name: string;
  /** The element that names it on the page (its heading): the button reads "Delete, <name>". */
  describedBy: string;
  label: string;
  title: string;
  confirmLabel: string;
  /** The sentence the name follows ("This deletes the group"). */
  text: string;
  /** What else goes with it, or what stands in the way, said after the name. */
  warning?: string;
  onConfirm: () => Promise<void>;
  onDone: () => void;
}

/**
 * Deleting something named: a quiet danger button that asks first. When the server refuses
 * (something still depends on it), the dialog shows why, and nothing is lost.
 */
export function DeleteButton({ name, text, warning, ...confirm }: DeleteButtonProps) {
  return (
    <ConfirmButton {...confirm}>
      <p>
        {text}{' '}
        <strong>
          <bdi>{name}</bdi>
        </strong>
      </p>
      {warning && <p>{warning}</p>}
    </ConfirmButton>
  );
}
