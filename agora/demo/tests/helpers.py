"""What the seeder's tests share."""

from __future__ import annotations

from agora.demo.seed import SeedOptions

# A small company: 300 posts in three chunks (with the ``small_chunks`` fixture).
SMALL = SeedOptions(users=40, spaces=6, posts=300, comments_per_post=4, reactions=2500, seed=7)
