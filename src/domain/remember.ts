/** How much a remembered function may keep: entries, and characters of the texts it is keyed by. */
export interface RememberLimits {
  readonly entries: number;
  readonly chars: number;
}

const DEFAULT_LIMITS: RememberLimits = { entries: 1_000, chars: 1_000_000 };

function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) freezeDeep(inner);
  return Object.freeze(value);
}

// Every delivery re-reads the whole incident (level-triggered), so the same issue body and comments are parsed
// again and again: the markdown parser was most of a delivery's CPU. A pure function of one text can remember its
// answers without changing what it answers. Least recently used answers go first, and the limits bound memory:
// a text longer than the whole character budget is computed and never kept. Answers are frozen, so no caller can
// change what the next caller gets.
/** `compute`, remembering its answers for the texts it saw last (see `RememberLimits`). */
export function rememberByText<T>(compute: (text: string) => T, limits: RememberLimits = DEFAULT_LIMITS): (text: string) => T {
  const answers = new Map<string, T>();
  let chars = 0;
  return (text: string): T => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) {
      answers.delete(text);
      answers.set(text, known as T);
      return known as T;
    }
    const answer = freezeDeep(compute(text));
    if (text.length > limits.chars) return answer;
    answers.set(text, answer);
    chars += text.length;
    for (const [oldest] of answers) {
      if (answers.size <= limits.entries && chars <= limits.chars) break;
      answers.delete(oldest);
      chars -= oldest.length;
    }
    return answer;
  };
}
