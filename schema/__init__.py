"""policykg.schema"""
