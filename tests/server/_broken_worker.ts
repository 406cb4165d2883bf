// A worker whose module fails as it loads (for the pool tests).
throw new Error("cannot start");
