import Dispatch
import FormworkCloud

/// Runs async AWS work from the synchronous commands: the command's thread waits while the work runs on the
/// concurrency pool. Task-local values (the command's environment) carry over.
enum AsyncBridge {
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, CloudError>?
    }

    static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws(CloudError) -> T) throws(CloudError) -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(CloudError) {
                outcome.result = .success(try await operation())
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }
}
