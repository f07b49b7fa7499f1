// The module Formwork users import: the DSL, the template model, the checks and the diff, and `App.main()`
// (the command line; its engines and types stay inside the package).
@_exported import FormworkAWS
@_exported import FormworkCLI
@_exported import FormworkChecks
@_exported import FormworkCore
@_exported import FormworkDiff
@_exported import FormworkL1
@_exported import FormworkSchema
@_exported import FormworkTemplate
// `OrderedDictionary` appears in the API (environment variables, tags).
@_exported import OrderedCollections
