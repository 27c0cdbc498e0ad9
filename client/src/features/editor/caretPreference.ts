import { booleanPreference } from '../../lib/booleanPreference.ts';

/** Whether this browser shows other people's carets and name labels (on unless the person turned them off). */
export const showCaretsPreference = booleanPreference('accord.showCarets', true);
