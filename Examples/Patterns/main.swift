// One stack per serverless pattern of the seed, with the stack and construct names of the CDK reference
// app (ARCHITECTURE.md, "Tests and reference data"), so that `patterns synth` can be compared with what CDK
// wrote (Tests/FormworkParityTests/Fixtures/cdk).
import Formwork

PatternsApp.app.main()
