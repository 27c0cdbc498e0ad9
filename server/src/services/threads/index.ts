// The threads domain as the rest of the server sees it: comment threads and their visibility.
export * from './threadService.ts';
