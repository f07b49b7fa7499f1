@testable import FormworkCloud
import Testing

/// Which hosts a container credentials URI may name over plain HTTP: the SDKs' container hosts and loopback
/// IP literals, never a DNS name that only starts like one.
@Suite struct ContainerCredentialsHostTests {
    @Test(arguments: [
        "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost",
        "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]",
    ])
    func loopbackAndContainerHostsAreAllowed(host: String) {
        #expect(ContainerCredentials.isAllowedPlainHTTPHost(host))
    }

    @Test(arguments: [
        "127.example.com", "127.0.0.1.example.com", "127.0.0.1.nip.io", "128.0.0.1", "10.0.0.1", "::2", "localhost.evil.com",
        "169.254.170.3", "127.0.0.256", "0x7f.0.0.1", "",
    ])
    func namesThatOnlyLookLikeLoopbackAreRefused(host: String) {
        #expect(!ContainerCredentials.isAllowedPlainHTTPHost(host))
    }

    @Test func aFullURIOverHTTPToADNSNameIsRefused() {
        let environment = AWSEnvironment(variables: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.example.com/creds", "HOME": "/nonexistent"])
        #expect(throws: CloudError.self) { try ContainerCredentials.endpoint(environment) }
    }
}
