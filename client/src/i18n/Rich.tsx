import { Fragment, type ReactNode } from 'react';

/** A marker no message contains, put where an element goes. */
const mark = (name: string) => `\u2063${name}\u2063`;

/**
 * A translated sentence with elements inside it (a link, a strong word): the message names each
 * place as an ICU argument ("… or {link}."), the element's own text is its own message, so a
 * translator can move the element anywhere in the sentence.
 */
export function Rich({ text, parts }: { text: (marks: Record<string, string>) => string; parts: Record<string, ReactNode> }) {
  const marks = Object.fromEntries(Object.keys(parts).map((name) => [name, mark(name)]));
  const pieces = text(marks).split('\u2063');
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 && piece in parts ? parts[piece] : piece}</Fragment>
      ))}
    </>
  );
}
