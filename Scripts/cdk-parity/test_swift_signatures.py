"""The harness's Swift argument order comes from the initializers in Sources/FormworkAWS."""
import unittest

import swift_signatures


class SwiftSignaturesTests(unittest.TestCase):
    def test_arguments_are_put_in_the_order_the_initializer_declares(self):
        self.assertEqual(swift_signatures.order("Queue", ["removalPolicy", "queueName", "fifo"]), ["queueName", "fifo", "removalPolicy"])

    def test_a_label_the_initializer_lacks_is_refused_before_anything_is_compiled(self):
        with self.assertRaises(SystemExit) as failure:
            swift_signatures.order("Queue", ["queueName", "visibility"])
        self.assertIn("no initializer of Queue takes", str(failure.exception))

    def test_a_type_without_a_construct_initializer_is_refused(self):
        with self.assertRaises(SystemExit):
            swift_signatures.order("NoSuchConstruct", [])

    def test_labels_skip_unlabelled_parameters_and_read_external_names(self):
        self.assertEqual(swift_signatures.labels("_ id: String, to target: Value = [:], x: (Int) -> Void = { _ in }"), ["to", "x"])


if __name__ == "__main__":
    unittest.main()
