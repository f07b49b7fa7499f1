import Formwork

/// Uploads to a bucket processed by a function. CDK's version uses a custom-resource handler; this one
/// routes the bucket's EventBridge notifications with a rule, so it differs from the reference by design.
struct UploadPattern: Fragment {
    var body: [any Construct] {
        let bucket = Bucket("DataBucket")
        let processor = PatternsApp.function("ProcessUpload")
        bucket
        processor
        bucket.notify(processor, on: .objectCreated, prefix: "uploads/")
    }
}
