import { describe, expect, it } from "vitest";
import { rememberByText } from "../../src/domain/remember.js";

function counted(limits?: { entries: number; chars: number }) {
  const calls: string[] = [];
  const f = rememberByText((text: string) => {
    calls.push(text);
    return { length: text.length, words: text.split(" ").map((w) => ({ w })) };
  }, limits);
  return { f, calls };
}

describe("rememberByText", () => {
  it("computes a text once and answers the same value again", () => {
    const { f, calls } = counted();
    const a = f("a b");
    expect(f("a b")).toBe(a);
    expect(f("c")).toEqual({ length: 1, words: [{ w: "c" }] });
    expect(calls).toEqual(["a b", "c"]);
  });

  it("freezes answers deeply so one caller cannot change another's", () => {
    const { f } = counted();
    const a = f("x y");
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.words)).toBe(true);
    expect(Object.isFrozen(a.words[0])).toBe(true);
    expect(() => (a.words as { w: string }[]).push({ w: "z" })).toThrow(TypeError);
  });

  it("forgets the least recently used text past the entry limit", () => {
    const { f, calls } = counted({ entries: 2, chars: 1_000 });
    f("one");
    f("two");
    f("one"); // now "two" is the least recently used
    f("three");
    f("one");
    f("two");
    expect(calls).toEqual(["one", "two", "three", "two"]);
  });

  it("keeps the characters it holds within the limit, and never keeps a text longer than the limit", () => {
    const { f, calls } = counted({ entries: 100, chars: 10 });
    f("aaaaaa"); // 6
    f("bbbbbb"); // 12 > 10: "aaaaaa" goes
    f("bbbbbb");
    f("aaaaaa");
    const long = "c".repeat(11);
    f(long);
    f(long);
    expect(calls).toEqual(["aaaaaa", "bbbbbb", "aaaaaa", long, long]);
  });

  it("remembers answers that are falsy", () => {
    let calls = 0;
    const f = rememberByText(() => {
      calls++;
      return 0;
    });
    expect(f("q")).toBe(0);
    expect(f("q")).toBe(0);
    expect(calls).toBe(1);
  });
});
