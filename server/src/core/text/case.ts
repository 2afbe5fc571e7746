import { Memo } from '../memo';

/**
 * Lower case, remembered. Property keys and resource types are compared
 * without regard to case, as Azure Resource Manager does, and a template
 * spells the same few of them thousands of times.
 */
const lowered = new Memo<string>(50000);

const toLower = (text: string) => text.toLowerCase();

export function lowerCase(text: string): string {
  return lowered.get(text, toLower);
}
