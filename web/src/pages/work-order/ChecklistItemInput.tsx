import { useRef, useState } from 'react';
import { api } from '../../api/client';
import type { AttachmentView, ChecklistItemView } from '../../api/types.gen';
import { uploadErrorMessage, uploadFile } from '../../api/upload';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { SignaturePad, signaturePng } from '../../components/SignaturePad';
import { useAction } from '../../hooks/useAction';

export type ItemBody = {
  done?: boolean;
  number?: number;
  result?: 'pass' | 'fail';
  text?: string;
  attachment_id?: number;
};
export type Send = (item: ChecklistItemView, body: ItemBody, what: string) => Promise<unknown>;

/** What an answered item shows: the figure with its unit, Pass, the text, the signer. */
export function answerText(item: ChecklistItemView): string {
  if (item.kind === 'number') return `${item.value ?? ''} ${item.unit}`.trim();
  if (item.kind === 'pass_fail') return item.value === 'pass' ? 'Pass' : 'Fail';
  if (item.kind === 'photo') return 'Photo attached';
  if (item.kind === 'signature') return `Signed by ${item.value ?? ''}`;
  return item.value ?? 'Done';
}

/**
 * The input an item asks for, sized for a thumb: a number pad with the unit
 * beside it, Pass and Fail buttons, a text box, a camera picker for a photo,
 * a signature canvas with the signer's name. Photos and signatures go through
 * the attachment pipeline (scanned, re-encoded) before the item points at them.
 */
export function ChecklistItemInput({
  woId,
  item,
  send,
  busy,
  onChanged,
}: {
  woId: number;
  item: ChecklistItemView;
  send: Send;
  busy: boolean;
  onChanged: () => void;
}) {
  const [text, setText] = useState('');
  const [signed, setSigned] = useState(false);
  const pad = useRef<HTMLCanvasElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const id = `item-${item.id}`;

  const attach = useAction(async (file: Blob, name: string, caption: string, signer?: string) => {
    const form = new FormData();
    form.append('file', file, name);
    form.append('caption', caption);
    const a = await uploadFile<AttachmentView>(`/work-orders/${woId}/attachments`, form);
    const body: ItemBody = { attachment_id: a.id };
    if (signer !== undefined) body.text = signer;
    await api.patch(`/work-orders/${woId}/checklist/${item.id}`, body);
    onChanged();
  });

  if (item.kind === 'number')
    return (
      <form
        className="item-input"
        onSubmit={(e) => {
          e.preventDefault();
          void send(item, { number: Number(text) }, `${text} ${item.unit}`);
        }}
      >
        <TextField
          label={`${item.label}${item.unit ? ` (${item.unit})` : ''}`}
          type="number"
          inputMode="decimal"
          step="any"
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={busy || text === ''}>
          Save
        </button>
      </form>
    );
  if (item.kind === 'pass_fail')
    return (
      <div className="button-row" role="group" aria-label={item.label}>
        <button
          type="button"
          disabled={busy}
          onClick={() => void send(item, { result: 'pass' }, 'pass')}
        >
          Pass
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={busy}
          onClick={() => void send(item, { result: 'fail' }, 'fail')}
        >
          Fail
        </button>
      </div>
    );
  if (item.kind === 'text')
    return (
      <form
        className="item-input"
        onSubmit={(e) => {
          e.preventDefault();
          void send(item, { text }, text);
        }}
      >
        <TextField
          label={item.label}
          required
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          Save
        </button>
      </form>
    );
  if (item.kind === 'photo')
    return (
      <div className="item-input">
        <label htmlFor={id}>Take or choose a photo: {item.label}</label>
        <input
          id={id}
          ref={photoInput}
          type="file"
          accept="image/*"
          capture="environment"
          disabled={attach.busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void attach.run(f, f.name, item.label);
          }}
        />
        <ErrorMessage
          error={
            attach.error === undefined
              ? undefined
              : (uploadErrorMessage(attach.error) ?? attach.error)
          }
        />
      </div>
    );
  if (item.kind === 'signature')
    return (
      <form
        className="item-input"
        onSubmit={(e) => {
          e.preventDefault();
          void (async () => {
            const png = await signaturePng(pad.current);
            if (png) await attach.run(png, 'signature.png', `Signature: ${text}`, text);
          })();
        }}
      >
        <SignaturePad
          label={item.label}
          onChange={(drawn) => {
            pad.current = drawn;
            setSigned(drawn !== null);
          }}
        />
        <TextField
          label="Name of the person signing"
          required
          maxLength={200}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={attach.busy || !signed || !text.trim()}>
          {attach.busy ? 'Saving…' : 'Save signature'}
        </button>
        <ErrorMessage
          error={
            attach.error === undefined
              ? undefined
              : (uploadErrorMessage(attach.error) ?? attach.error)
          }
        />
      </form>
    );
  return null;
}
