import FormworkDeploy
import FormworkTemplate
import Foundation

/// Turns the first Ctrl-C into an ``Interruption`` while a deploy or destroy runs; a second one stops the
/// process (the default action comes back after the first, and when the work ends).
final class InterruptSignal {
    private let source: any DispatchSourceSignal

    init(_ interruption: Interruption) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            interruption.interrupt()
            // A second Ctrl-C stops the process at once: the step in progress may be waiting on AWS.
            signal(SIGINT, SIG_DFL)
            _ = FileDescriptorWriting.writeAll(
                "\ninterrupted: finishing the current step (no change set is left half-made); press Ctrl-C again to stop at once\n", to: STDERR_FILENO)
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
