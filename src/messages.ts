/**
 * Every message between the extension's contexts, typed per direction in one place.
 * Each map entry is `{ payload, response }`; senders use `send*`, receivers validate with `parse*`.
 */
import * as v from 'valibot';
import type { Claim } from './claims/types';
import type { LexiconData } from './detect/lexicon';
import { RUN_MODES, type RunMode } from './settings';

/** The most passages one page reports; a page with more (a huge feed) reports its first ones. */
export const MAX_REPORTED_MENTIONS = 500;

const MentionSummarySchema = v.object({
  topic: v.pipe(v.string(), v.maxLength(64)),
  /** The passage, whitespace collapsed and trimmed to a readable length. */
  passage: v.pipe(v.string(), v.maxLength(2000)),
  /** The key phrases as they appear on the page. */
  phrases: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50)),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
export type MentionSummary = v.InferOutput<typeof MentionSummarySchema>;

/**
 * What the claims check reads: the flagged passages and their neighbours, compacted into one
 * text, with the page's publication day. The background checks it against the record.
 */
const ClaimContextSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(60_000)),
  blocks: v.pipe(v.array(v.object({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) })), v.maxLength(1500)),
  passages: v.pipe(
    v.array(v.object({ topic: v.pipe(v.string(), v.maxLength(64)), block: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
    v.maxLength(MAX_REPORTED_MENTIONS),
  ),
  articleDate: v.optional(v.pipe(v.string(), v.maxLength(10))),
});
export type ClaimContext = v.InferOutput<typeof ClaimContextSchema>;

const PageReportMessageSchema = v.object({
  /** The first MAX_REPORTED_MENTIONS flagged passages. */
  mentions: v.pipe(v.array(MentionSummarySchema), v.maxLength(MAX_REPORTED_MENTIONS)),
  /** How many passages were flagged in all: more than `mentions` holds on a page with very many. */
  flagged: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** True when the page was longer than the scan cap and only its start was read. */
  truncated: v.boolean(),
  /** Characters of text read. */
  chars: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The flagged passages and their neighbours, for the claims check in the background. */
  context: ClaimContextSchema,
});
// Derived, not spread: the bundler then leaves every schema out of the content script.
export const PageReportSchema = v.omit(PageReportMessageSchema, ['context']);
export type PageReport = v.InferOutput<typeof PageReportSchema>;

export type PageReportMessage = v.InferOutput<typeof PageReportMessageSchema>;

export interface TabState {
  report: PageReport;
  /** The page's dates and figures checked against the record. */
  claims: Claim[];
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** The result of "Check with Patient Data Context" on selected text. */
export interface SelectionCheck {
  /** The start of the selection, for the reader to recognise it. */
  excerpt: string;
  report: PageReport;
  claims: Claim[];
  checkedAt: number;
}

const TabIdSchema = v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** The hover card's lines for a topic, in the reader's language, dates formatted. */
export interface HoverCardText {
  title: string;
  /** "Withdrawn since 9 November 2018". */
  status: string;
  /** "Record as of …". */
  asOf: string;
  /** The label of the button that opens the details. */
  details: string;
}

/** Content script → background. */
export interface ContentToBackground {
  'page-report': { payload: PageReportMessage; response: null };
  /** Made by the background, so that the page never pays for formatting dates (it is not cheap). */
  'hover-card-text': { payload: { topic: string }; response: HoverCardText | null };
  /** The hover card's "details": open the popup's view of this tab in a tab of its own. */
  'open-details': { payload: { topic: string }; response: null };
  /**
   * The detector's vocabulary, asked for the first time a page has a passage past the gate: most
   * pages never need it, and carried in the content script it would be an eighth of its size.
   */
  lexicon: { payload: Record<string, never>; response: LexiconData };
}

/** Popup and options pages → background. */
export interface PageToBackground {
  'get-tab-state': { payload: { tabId: number }; response: TabState | null };
  'scan-tab': { payload: { tabId: number }; response: null };
  'get-selection-check': { payload: { tabId: number }; response: SelectionCheck | null };
  /**
   * Where the content script runs by itself. `all-sites` needs the optional permission granted
   * first (from a click in the page); the background then registers the script for every site.
   */
  'set-run-mode': { payload: { mode: RunMode }; response: RunMode };
}

/** Popup (and, for `ping`, the background) → content script. */
export interface PopupToContent {
  'show-mention': { payload: { index: number }; response: boolean };
  /** Answered only while the tab's page runs the content script: its results still apply. */
  ping: { payload: Record<string, never>; response: true };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type Envelope<Map> = { [K in keyof Map]: { type: K; payload: Map[K] extends { payload: infer P } ? P : never } }[keyof Map];
export type ResponseOf<Map, K extends keyof Map> = Map[K] extends { response: infer R } ? R : never;

const TopicPayloadSchema = v.object({ topic: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)) });
const ContentToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('page-report'), payload: PageReportMessageSchema }),
  v.object({ type: v.literal('hover-card-text'), payload: TopicPayloadSchema }),
  v.object({ type: v.literal('open-details'), payload: TopicPayloadSchema }),
  v.object({ type: v.literal('lexicon'), payload: v.strictObject({}) }),
]);
const PageToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('get-tab-state'), payload: TabIdSchema }),
  v.object({ type: v.literal('scan-tab'), payload: TabIdSchema }),
  v.object({ type: v.literal('get-selection-check'), payload: TabIdSchema }),
  v.object({ type: v.literal('set-run-mode'), payload: v.object({ mode: v.picklist(RUN_MODES) }) }),
]);

function parser<Map>(schema: v.GenericSchema<unknown, Envelope<Map>>) {
  return (message: unknown): Envelope<Map> | null => {
    const result = v.safeParse(schema, message);
    return result.success ? result.output : null;
  };
}

export const parseContentToBackground = parser<ContentToBackground>(ContentToBackgroundSchema);
export const parsePageToBackground = parser<PageToBackground>(PageToBackgroundSchema);
/**
 * What the content script accepts, checked by hand: it runs on every page the extension reads
 * (the background pings each one), so it carries no schema library. Same rules as a schema:
 * known type, exact payload keys, a whole non-negative index.
 */
export function parsePopupToContent(message: unknown): Envelope<PopupToContent> | null {
  if (!isRecord(message) || !isRecord(message.payload) || Object.keys(message).length !== 2) return null;
  const { type, payload } = message;
  const keys = Object.keys(payload);
  if (type === 'ping' && keys.length === 0) return { type, payload: {} };
  const { index } = payload;
  if (type === 'show-mention' && keys.length === 1 && Number.isInteger(index) && (index as number) >= 0) return { type, payload: { index: index as number } };
  return null;
}

/** The background's reply to `lexicon`, checked by hand as `parsePopupToContent` is: lists of strings only. */
export function parseLexiconData(value: unknown): LexiconData | null {
  const isStrings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (!isRecord(value) || !isStrings(value.topics) || !isRecord(value.meanings) || !Object.values(value.meanings).every(isStrings)) return null;
  return value as unknown as LexiconData;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type PayloadOf<Map, K extends keyof Map> = Map[K] extends { payload: infer P } ? P : never;

/**
 * Sends one typed message and unwraps the receiver's Result. `send` is the transport
 * (runtime.sendMessage or tabs.sendMessage bound to a tab), so the content script can use the
 * native API while pages use the polyfill.
 */
export async function call<Map, K extends keyof Map & string>(
  send: (message: unknown) => Promise<unknown>,
  type: K,
  payload: PayloadOf<Map, K>,
): Promise<ResponseOf<Map, K>> {
  const reply = (await send({ type, payload })) as Result<ResponseOf<Map, K>> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: unknown): Result<never> => ({ ok: false, error: error instanceof Error ? error.message : String(error) });
