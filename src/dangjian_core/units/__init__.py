"""党组织 — organisation units (党委、党总支、党支部、党小组、两新组织党支部、区域委员会),
their tree over time and the roles people hold in them for terms.

A branch is a unit of kind ``branch``; units keep the ``branch-<id>`` streams and ids that
tasks and points refer to as ``branch_id``.
"""
