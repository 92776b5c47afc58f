pytest_plugins = ["agora.testing.fixtures", "agora.testing.browser", "agora.testing.redis"]
