/** The side panels of the drafting screen, in the order of their buttons. */
export const PANELS = ['comments', 'proposals', 'alternatives', 'compilation', 'status', 'participants'] as const;
export type PanelName = (typeof PANELS)[number];
