package io.github.camelpixazo.store;

/** The contract on {@link MemoryJobStore}: restarting means stopping and starting the same object. */
class MemoryJobStoreTest extends JobStoreContractTest {

    @Override
    protected JobStore openStore() {
        MemoryJobStore memory = new MemoryJobStore();
        memory.start();
        return memory;
    }

    @Override
    protected JobStore secondHandle(JobStore first) {
        return first;
    }

    @Override
    protected JobStore restart(JobStore s) {
        s.stop();
        s.start();
        return reopened(s);
    }

    @Override
    protected boolean leasesSurviveRestart() {
        return false;
    }
}
