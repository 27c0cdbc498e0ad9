// Alternative formulations of recommendations: propose, support, justify, withdraw, retain.
export * from './alternativeService.ts';
