import FormworkCloud
import FormworkCore
import Foundation

/// Puts a stack's file assets in the bootstrap bucket under the keys its template names (`<hash>.zip`),
/// skipping the ones already there: the key is the content's fingerprint, so an object that exists is the
/// same code. Each request names the bucket's expected owner (the target account) and asks for the
/// bucket's own default encryption, as `cdk deploy` does.
public struct AssetPublisher: Sendable {
    /// The account and region whose bootstrap bucket the assets go to, and the S3 client that puts them there.
    public let target: DeployTarget

    /// A publisher to `target`'s asset bucket.
    public init(target: DeployTarget) {
        self.target = target
    }

    /// What publishing did.
    public struct Report: Sendable, Equatable {
        /// The object keys uploaded, in the order of the assets.
        public var uploaded: [String] = []
        /// The object keys already in the bucket, and so not uploaded again.
        public var alreadyThere: [String] = []
    }

    /// Publishes `assets`, each once.
    public func publish(_ assets: [FileAsset]) async throws(DeployError) -> Report {
        var report = Report()
        guard !assets.isEmpty else { return report }
        if let version = target.cdkBootstrapVersion, version < BootstrapNames.minimumVersionForAssets {
            throw .outdatedBootstrap(version: version, region: target.region)
        }
        let bootstrapped: Bool
        let encryption: ServerSideEncryption
        do {
            bootstrapped = try await target.s3.bucketExists(target.assetBucket)
            encryption = bootstrapped ? try await target.s3.defaultEncryption(of: target.assetBucket) : .none
        } catch {
            throw .cloud(error)
        }
        guard bootstrapped else { throw .notBootstrapped(bucket: target.assetBucket, region: target.region) }
        var seen = Set<String>()
        for asset in assets where seen.insert(asset.objectKey).inserted {
            do {
                if try await target.s3.objectExists(bucket: target.assetBucket, key: asset.objectKey) {
                    report.alreadyThere.append(asset.objectKey)
                    continue
                }
            } catch {
                throw .cloud(error)
            }
            let archive: Data
            do {
                archive = try AssetArchive.data(ofFolder: asset.sourcePath)
            } catch {
                throw .asset(path: asset.sourcePath, reason: "\(error)")
            }
            do {
                try await target.s3.upload(
                    bucket: target.assetBucket, key: asset.objectKey, body: archive, contentType: "application/zip", encryption: encryption)
            } catch {
                throw .cloud(error)
            }
            report.uploaded.append(asset.objectKey)
        }
        return report
    }
}
