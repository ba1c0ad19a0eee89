// A text that changes from frame to frame, written into the element's one Text node
// (`data`), never replacing it. Lit clears a child binding whose value is '' (it
// removes the Text node and inserts a new one when text comes back), and every node
// removed and inserted is styled and attached to layout again: in the event log and
// the lifecycle table, parts that are empty at one moment and filled at the next did
// that at most seeks. Use on an element with no other content: `<td ${textData(v)}></td>`.
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class TextData extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('textData() belongs inside an element tag: <span ${textData(text)}></span>');
  }

  render(_text: string): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [text]: [string]): typeof noChange {
    writeText(part.element, text);
    return noChange;
  }
}

/** The same for code that draws without Lit (d3): `el.textContent = text` replaces the node each time. */
export function writeText(el: Element, text: string): void {
  const node = el.firstChild;
  if (node instanceof Text) {
    if (node.data !== text) node.data = text;
  } else {
    el.append(document.createTextNode(text));
  }
}

export const textData = directive(TextData);
