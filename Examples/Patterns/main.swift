// One stack per serverless pattern of the seed, with the stack and construct names of the CDK reference
// app (shared/reference/cdk/seed_app.py), so that `patterns synth` can be compared with what CDK wrote.
import Formwork

PatternsApp.app.main()
