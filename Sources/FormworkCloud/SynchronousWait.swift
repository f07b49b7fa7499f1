import Dispatch

/// Runs async AWS work from synchronous code (the commands, test set-up) and waits for it.
///
/// The work runs on its own executor over Dispatch's threads, not on Swift's cooperative pool: the waiting
/// thread may itself be a pool thread (a command run inside a test), and blocking the pool's few threads
/// while the work needs one of them would never end. Task-local values carry over.
public enum SynchronousWait {
    /// The result of `operation`, waited for.
    public static func run<T: Sendable, Failure: Error>(_ operation: @escaping @Sendable () async throws(Failure) -> T) throws(Failure) -> T {
        let outcome = Outcome<T, Failure>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: DispatchTaskExecutor.shared) {
            do throws(Failure) {
                outcome.result = .success(try await operation())
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }

    private final class Outcome<T: Sendable, Failure: Error>: @unchecked Sendable {
        var result: Result<T, Failure>?
    }
}

/// A task executor that runs jobs on a concurrent Dispatch queue, whose threads grow when others block.
final class DispatchTaskExecutor: TaskExecutor {
    static let shared = DispatchTaskExecutor()

    private let queue = DispatchQueue(label: "formwork.cloud", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
