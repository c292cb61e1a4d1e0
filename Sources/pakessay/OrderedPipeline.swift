import Dispatch

/// Runs units of work on up to `jobs` worker threads and hands each result on in input order, as
/// soon as it and every result before it are ready, whatever the others are doing. The thread that
/// completes a run of results delivers them, one at a time under a lock, so a stream's records come
/// out while its next input is still being read. At most `window` results wait undelivered, which
/// keeps memory bounded when one long input holds up those after it.
final class OrderedPipeline<T: Sendable>: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private let slots: DispatchSemaphore
    private let workers: DispatchSemaphore
    private let group = DispatchGroup()
    private let deliver: (T) -> Void
    private var ready: [Int: T] = [:]
    private var nextToDeliver = 0
    private var submitted = 0

    /// Creates a pipeline that calls `deliver` with each result, in order, on some worker thread.
    init(jobs: Int, window: Int, deliver: @escaping (T) -> Void) {
        slots = DispatchSemaphore(value: max(window, 1))
        workers = DispatchSemaphore(value: max(jobs, 1))
        self.deliver = deliver
    }

    /// Starts one unit of work, once a worker is free and the window has room (called from one thread).
    func submit(_ work: @escaping @Sendable () -> T) {
        slots.wait()
        workers.wait()
        let k = submitted
        submitted += 1
        DispatchQueue.global().async(group: group) {
            let value = work()
            self.workers.signal()
            self.complete(k, value)
        }
    }

    /// Waits until every submitted unit is done and delivered.
    func finish() {
        group.wait()
    }

    private func complete(_ k: Int, _ value: T) {
        lock.wait()
        defer { lock.signal() }
        ready[k] = value
        while let next = ready.removeValue(forKey: nextToDeliver) {
            nextToDeliver += 1
            deliver(next)
            slots.signal()
        }
    }
}
