@testable import FormworkCore
import Testing

@Suite struct LocaleCompareTests {
    @Test func ordersConstructPathsAsCDKSortsDependsOn() {
        let paths = [
            "Fn/ServiceRole/Resource", "Fn/ServiceRole/DefaultPolicy/Resource", "api/Default/ANY/Resource",
            "api/Default/{proxy+}/ANY/Resource", "a/b", "A/c", "a/B",
        ]
        #expect(
            paths.sorted(by: LocaleCompare.precedes) == [
                "a/b", "a/B", "A/c", "api/Default/{proxy+}/ANY/Resource", "api/Default/ANY/Resource",
                "Fn/ServiceRole/DefaultPolicy/Resource", "Fn/ServiceRole/Resource",
            ])
    }
}
