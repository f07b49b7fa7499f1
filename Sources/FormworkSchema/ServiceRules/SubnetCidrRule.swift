import FormworkTemplate

extension ValidationRun {
    /// The CIDR block of a subnet written out, with the VPC it is in, when that VPC is this template's.
    private func subnetBlock(_ subnet: Template.Resource) -> (vpc: String, block: IPAddressText.Block)? {
        guard let vpc = referencedResource(subnet.properties["VpcId"]), vpc.resource.type == "AWS::EC2::VPC",
            let text = subnet.properties["CidrBlock"]?.stringValue, let block = IPAddressText.ipv4Block(text)
        else { return nil }
        return (vpc.id, block)
    }

    /// A subnet's CIDR block lies inside its VPC's (cfn-lint E3059). A VPC that gets more blocks from
    /// `AWS::EC2::VPCCidrBlock` resources is left alone.
    mutating func checkSubnetInsideVPC(_ subnet: Template.Resource, path: [String]) {
        guard let (vpcId, block) = subnetBlock(subnet), let vpc = template.resources[vpcId],
            let text = vpc.properties["CidrBlock"]?.stringValue, let vpcBlock = IPAddressText.ipv4Block(text),
            !vpcBlock.contains(block),
            !positions(of: "AWS::EC2::VPCCidrBlock").contains(where: { referencedResource(template.resources.values[$0].properties["VpcId"])?.id == vpcId })
        else { return }
        error(
            "subnet-cidr", path + ["CidrBlock"],
            "\(subnet.properties["CidrBlock"]?.stringValue ?? "") is not inside \(text), the CIDR block of the VPC '\(vpcId)'")
    }

    /// No two subnets of one VPC overlap (cfn-lint E3060). Subnets created under a condition are left alone:
    /// two of them may never exist together.
    mutating func checkSubnetOverlaps() {
        var seen: [String: [(id: String, block: IPAddressText.Block, text: String)]] = [:]
        for index in positions(of: "AWS::EC2::Subnet") {
            let (logicalId, resource) = (template.resources.keys[index], template.resources.values[index])
            guard resource.condition == nil, let (vpc, block) = subnetBlock(resource), let text = resource.properties["CidrBlock"]?.stringValue else {
                continue
            }
            if let other = seen[vpc, default: []].first(where: { $0.block.overlaps(block) }) {
                error(
                    "subnet-cidr", ["Resources", logicalId, "Properties", "CidrBlock"],
                    "\(text) overlaps \(other.text), the CIDR block of the subnet '\(other.id)' in the same VPC")
            }
            seen[vpc, default: []].append((logicalId, block, text))
        }
    }
}
