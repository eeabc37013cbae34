package jsupervisor.daemon.loop;

/**
 * Lets the loop gather the spawns of one pass's transitions and run them together (see {@link ParallelSpawns}):
 * {@link #open} before the transitions, {@link #flush} right after them, both on the loop thread.
 */
interface SpawnBatching {
    void open();

    void flush();

    SpawnBatching NONE = new SpawnBatching() {
        @Override
        public void open() {}

        @Override
        public void flush() {}
    };
}
