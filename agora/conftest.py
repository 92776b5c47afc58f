pytest_plugins = ["agora.testing.fixtures", "agora.testing.browser"]
