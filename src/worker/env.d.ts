// Worker project placeholder: tsc refuses a project with no input files, and
// the worker host has not landed yet. Safe to delete once src/worker has code.
export {};
