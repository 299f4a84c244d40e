/**
 * An answer asked once and remembered while something listens for its changes, which forgets it
 * at each (`forget`); asked afresh at every call while nothing listens, so it is never stale where
 * no change is heard. A failed answer is not remembered. For what the background asks at every
 * navigation: in Firefox each such question is a round trip to the parent process, which also
 * carries the pages' loads (README, "Page load").
 */
export interface Remembered<T> {
  get(): Promise<T>;
  forget(): void;
  /** A listener for the answer's changes starts; the function returned ends it. */
  listening(): () => void;
}

export function remembered<T>(ask: () => Promise<T>): Remembered<T> {
  let answer: Promise<T> | null = null;
  let listeners = 0;
  return {
    get() {
      if (listeners === 0) return ask();
      if (answer) return answer;
      const asked = ask();
      answer = asked;
      asked.catch(() => {
        if (answer === asked) answer = null;
      });
      return asked;
    },
    forget() {
      answer = null;
    },
    listening() {
      listeners++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        listeners--;
        answer = null;
      };
    },
  };
}
