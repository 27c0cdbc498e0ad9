/** The side panels of the drafting screen, in the order of their buttons. */
export const PANELS = ['comments', 'proposals', 'alternatives', 'status', 'participants'] as const;
export type PanelName = (typeof PANELS)[number];
