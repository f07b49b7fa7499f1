import Formwork

/// Uploads to a bucket processed by a function. Under the CDK profile, as CDK, through the bucket's
/// `Custom::S3BucketNotifications` at CDK's logical IDs, served by Formwork's own handler (only the handler
/// function's code differs from the reference, by design).
struct UploadPattern: Fragment {
    var body: [any Construct] {
        let bucket = Bucket("DataBucket")
        let processor = PatternsApp.function("ProcessUpload")
        bucket
        processor
        bucket.notify(processor, on: .objectCreated, prefix: "uploads/")
    }
}
