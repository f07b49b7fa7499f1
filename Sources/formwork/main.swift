import FormworkCLI

CommandRunner.main(root: FormworkTool.self)
