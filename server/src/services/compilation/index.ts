// The compilation of proposals: NOC marks and justifications of proposals.
export * from './compilationService.ts';
