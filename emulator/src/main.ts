// The local emulator of the Polytomic connections API (see emulator/README section in the project README).
console.error('emulator: not built yet');
process.exit(1);
